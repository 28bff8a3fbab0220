package dk.samspil.security;

import java.util.Locale;
import java.util.Map;

/** NSIS assurance levels, lowest first; {@link #NONE} when the provider states none. */
enum Assurance {
    NONE,
    LOW,
    SUBSTANTIAL,
    HIGH;

    /** The level a token states in {@code loa} (NemLog-in) or else {@code acr}. */
    static Assurance of(Map<String, Object> claims) {
        Object stated = claims.get("loa") != null ? claims.get("loa") : claims.get("acr");
        return stated == null ? NONE : parse(String.valueOf(stated));
    }

    /**
     * The level of a claim or setting value: the last part of a URI such as
     * {@code https://data.gov.dk/concept/core/nsis/loa/Substantial}, in English or Danish.
     */
    static Assurance parse(String value) {
        String last = value.strip().replaceAll(".*[/:#]", "").toLowerCase(Locale.ROOT);
        return switch (last) {
            case "low", "lav" -> LOW;
            case "substantial", "betydelig" -> SUBSTANTIAL;
            case "high", "høj", "hoej" -> HIGH;
            default -> NONE;
        };
    }
}
