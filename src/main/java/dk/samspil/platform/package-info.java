/**
 * The technical ground every module stands on: the embedded PostgreSQL, the page layout and error pages, and the one
 * reader of uploaded tables (CSV/XLSX, with the column headings every import accepts and the limits of its reports).
 * It holds no domain logic; other modules use its settings and its web layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {"security"})
package dk.samspil.platform;
