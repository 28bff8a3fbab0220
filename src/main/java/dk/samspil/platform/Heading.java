package dk.samspil.platform;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The column headings of the uploaded tables, in the one place that every import reads them from (the national
 * register files, the cluster's practices and members, the municipality's referrals): each column's Danish name and
 * the headings the regions, municipalities and clusters actually write. A heading is compared without case, spaces,
 * dots, dashes or underscores, with æ, ø, å as ae, oe, aa, "nummer" as "nr" and a leading or trailing "Antal" left
 * out — so "Antal tilmeldte patienter", "Tilmeldte patienter", "TILMELDTE_PATIENTER" and "Tilm. pt." are one column,
 * and "Ydernummer", "Ydernr." and "Yder nr" another.
 */
public enum Heading {
    YDERNUMMER("Ydernummer", "ydernr", "yder", "ydernr6", "ydernr6cifre", "praksisnr", "ydernrpraksis", "laegeydernr"),
    PERIOD("Periode", "periode", "maaned", "md", "mdr", "aarmaaned", "aarmd", "maanedaar", "periodemaaned"),
    SERVICE_CODE("Ydelseskode", "ydelseskode", "ydelse", "ydelsesnr", "kode", "ydkode", "ydelseskoder", "ydnr"),
    COUNT("Antal", "antal", "ydelser", "ydelsesantal"),
    LISTED(
            "Tilmeldte patienter",
            "tilmeldtepatienter",
            "tilmeldte",
            "listedepatienter",
            "patienter",
            "tilmpt",
            "tilmpatienter",
            "tilmeldtept",
            "tilmeldtepersoner",
            "pt",
            "pttilmeldt",
            "patienttal",
            "listestoerrelse",
            "tilmeldt"),
    MUNICIPALITY("Kommunekode", "kommunekode", "kommunenr", "kommune", "komnr", "komkode"),
    OFFER("Tilbud", "tilbud", "tilbudstype", "indsats", "forloeb", "type"),
    REFERRALS("Antal henvisninger", "henvisninger", "antal", "henv", "henvist"),
    PRACTICE_NAME("Navn", "navn", "praksis", "praksisnavn", "klinik", "kliniknavn", "laegepraksis"),
    PERSON_NAME("Navn", "navn", "fuldtnavn", "medlem", "medlemsnavn"),
    EMAIL("E-mail", "email", "mail", "emailadresse", "mailadresse", "epost");

    private final String danish;
    private final List<String> names;

    Heading(String danish, String... names) {
        this.danish = danish;
        this.names = List.of(names);
    }

    /** The column's name as the pages and messages say it. */
    public String danish() {
        return danish;
    }

    /** Whether a file's heading names this column. */
    public boolean matches(String heading) {
        String key = key(heading);
        return names.contains(key) || key.equals(key(danish));
    }

    /** A heading as compared: see the class comment. */
    static String key(String heading) {
        String text = normalise(heading).replace("nummer", "nr");
        if (text.length() > 5 && text.startsWith("antal")) {
            text = text.substring(5);
        } else if (text.length() > 5 && text.endsWith("antal")) {
            text = text.substring(0, text.length() - 5);
        }
        return text;
    }

    /** Lower case, no BOM, no spaces, dots, dashes or underscores, æ ø å as ae oe aa: "Antal ydelser" = "ANTAL_YDELSER". */
    public static String normalise(String text) {
        String lower = text == null ? "" : text.replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        lower = lower.replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        lower = Normalizer.normalize(lower, Normalizer.Form.NFKC);
        return lower.replaceAll("[\\s._\\-/()'\":]+", "");
    }

    /** The headings as read, for a message that says what the first line was read as (cut short if long). */
    public static String asRead(List<String> cells) {
        return ReportLimits.cut(
                String.join(
                        "; ",
                        cells.stream().map(c -> c == null ? "" : c.strip()).toList()),
                ReportLimits.MAX_HEADER_ECHO);
    }
}
