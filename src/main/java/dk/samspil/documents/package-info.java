/**
 * The package documents of an order, apart from the deck: {@code PackageDocuments} writes the invitations with the
 * preliminary programme, the planning group's checklist, the dialogue sheet, the municipality's fact sheet and, for
 * dose dispensing, the municipal drejebog as .docx; {@code OrderDocuments} fills them with the order, keeps their
 * PDFs (made on the scheduler) and serves them at {@code /bestillinger/{id}/dokumenter}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "office", "ordering", "platform", "security"})
package dk.samspil.documents;
