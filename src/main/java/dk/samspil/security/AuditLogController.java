package dk.samspil.security;

import dk.samspil.office.Downloads;
import dk.samspil.office.Spreadsheets;
import dk.samspil.platform.DanishFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The administrator reads the audit log (/admin/log; the URL rules let only administrators in) and exports it. */
@Controller
class AuditLogController {

    static final String VIEW = "security/audit";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final AuditTrail trail;
    private final UserAdministration users;
    private final MessageSource messages;

    AuditLogController(AuditTrail trail, UserAdministration users, MessageSource messages) {
        this.trail = trail;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin/log")
    String page(@ModelAttribute("auditFilter") AuditFilter auditFilter, BindingResult result, Model model) {
        check(auditFilter, result);
        model.addAttribute("actions", trail.actions());
        model.addAttribute("organisations", users.allOrganisations());
        if (result.hasErrors()) {
            model.addAttribute("log", new AuditTrail.Page(List.of(), 0, 1, 1));
            return VIEW;
        }
        model.addAttribute("log", trail.page(auditFilter.filter(), auditFilter.getSide()));
        model.addAttribute("query", auditFilter.query());
        return VIEW;
    }

    @GetMapping("/admin/log.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute("auditFilter") AuditFilter auditFilter, BindingResult result) {
        check(auditFilter, result);
        List<List<String>> rows = rows(result.hasErrors() ? List.of() : trail.export(auditFilter.filter()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(Spreadsheets::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(bytes.toByteArray(), "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/log.xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute("auditFilter") AuditFilter auditFilter, BindingResult result) {
        check(auditFilter, result);
        List<List<String>> rows = rows(result.hasErrors() ? List.of() : trail.export(auditFilter.filter()));
        return download(Spreadsheets.xlsx(text("audit.sheet"), rows, 1), "xlsx", XLSX);
    }

    private List<List<String>> rows(List<AuditTrail.Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                text("audit.col.at"),
                text("audit.col.who"),
                text("audit.col.action"),
                text("audit.col.target"),
                text("audit.col.organisation"),
                text("audit.col.address")));
        for (AuditTrail.Entry e : entries) {
            rows.add(List.of(
                    DanishFormat.dateTime(e.at()),
                    nonNull(e.username()),
                    e.action(),
                    nonNull(e.target()),
                    nonNull(e.organisation()),
                    nonNull(e.remoteAddress())));
        }
        return rows;
    }

    private ResponseEntity<byte[]> download(byte[] bytes, String extension, MediaType type) {
        return Downloads.attachment(
                bytes, type, "revisionslog-" + LocalDate.now(DanishFormat.COPENHAGEN) + "." + extension);
    }

    private static void check(AuditFilter filter, BindingResult result) {
        if (!result.hasFieldErrors("fra")
                && !result.hasFieldErrors("til")
                && filter.getFra() != null
                && filter.getTil() != null
                && filter.getTil().isBefore(filter.getFra())) {
            result.rejectValue("til", "audit.to.beforeFrom");
        }
        if (filter.getOrganisation() != null
                && !filter.getOrganisation().isEmpty()
                && !filter.getOrganisation().matches("[PCM]:[A-Za-z0-9]{1,40}")) {
            result.rejectValue("organisation", "audit.organisation.invalid");
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** The filter as query parameters (Danish names, as in the address bar). */
    static class AuditFilter {
        private String hvem;
        private String hvad;
        private String organisation;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate fra;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate til;

        private int side = 1;

        AuditTrail.Filter filter() {
            return new AuditTrail.Filter(hvem, hvad, organisation, fra, til);
        }

        /** The filter's query string without the page, for the page links and the exports. */
        String query() {
            var builder = UriComponentsBuilder.newInstance();
            if (hvem != null && !hvem.isBlank()) builder.queryParam("hvem", hvem);
            if (hvad != null && !hvad.isBlank()) builder.queryParam("hvad", hvad);
            if (organisation != null && !organisation.isBlank()) builder.queryParam("organisation", organisation);
            if (fra != null) builder.queryParam("fra", fra);
            if (til != null) builder.queryParam("til", til);
            String query = builder.encode().build().getQuery();
            return query == null ? "" : query;
        }

        public String getHvem() {
            return hvem;
        }

        public void setHvem(String hvem) {
            this.hvem = hvem;
        }

        public String getHvad() {
            return hvad;
        }

        public void setHvad(String hvad) {
            this.hvad = hvad;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public LocalDate getFra() {
            return fra;
        }

        public void setFra(LocalDate fra) {
            this.fra = fra;
        }

        public LocalDate getTil() {
            return til;
        }

        public void setTil(LocalDate til) {
            this.til = til;
        }

        public int getSide() {
            return side;
        }

        public void setSide(int side) {
            this.side = side;
        }
    }
}
