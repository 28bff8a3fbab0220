/**
 * The questionnaire of an order: the review round with cluster and municipality, the frozen version sent with
 * personal links, anonymous answers (see {@code V10__survey.sql} for how anonymity is built in), reminders and results.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "directory",
            "mail",
            "office",
            "ordering",
            "platform",
            "security",
            "servicedata"
        })
package dk.samspil.survey;
