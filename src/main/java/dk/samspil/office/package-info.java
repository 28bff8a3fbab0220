/**
 * Office documents, for any module that makes them: Word (.docx) built from headings, paragraphs and tables
 * ({@code DocxBuilder}), spreadsheets written and read ({@code Spreadsheets}), PDF from .pptx/.docx by a pool of warm
 * LibreOffice processes ({@code OfficeConverter}, with {@code OfficeLeftovers} clearing what a killed run left), and
 * versions of generated documents made in the background and downloaded by unguessable token
 * ({@code DocumentVersions}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package dk.samspil.office;
