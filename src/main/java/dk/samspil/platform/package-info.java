/**
 * The ground floor every module stands on, depending on no other: the embedded PostgreSQL, its supervision, backup
 * and restore; settings; the error and 503 pages; upload limits; the one reader of uploaded tables (CSV/XLSX, with
 * the column headings every import accepts and the limits of its reports); unguessable tokens ({@code Tokens}), local
 * redirect paths and the one {@code RuleViolation}. It holds no domain logic.
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package dk.samspil.platform;
