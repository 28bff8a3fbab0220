package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.publishing.NewsletterRequests.Draft;
import dk.samspil.publishing.Pathways.PathwayView;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A regionally valid pathway to the praksis.dk editors ("Når forløbsbeskrivelsen er godkendt, skal den sendes til
 * praksis.dk redaktionen. Der skal samtidig tages stilling til, om der skal sendes en nyhedsmail om evt.
 * ændringer"): it is published on the region's public page of pathways, and a news mail, when chosen, starts a
 * newsletter request (a draft of the sender's, to the whole region) that then takes the newsletter's own way.
 */
@Service
class PathwayPublishing {

    static final int NEWS_LEAD_DAYS = 14;

    private final JdbcClient jdbc;
    private final NewsletterRequests requests;
    private final MessageSource messages;
    private final SamspilSettings settings;

    PathwayPublishing(JdbcClient jdbc, NewsletterRequests requests, MessageSource messages, SamspilSettings settings) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Sends the approved version to the editors and publishes it; with a news mail the request is created for
     * {@code author} (a consultant or coordinator: they write newsletters). Its id, or null without a news mail.
     */
    @Transactional
    Long sendToEditors(PathwayView pathway, boolean newsMail, Author author, LocalDate today) {
        if (!pathway.awaitsEditors()) {
            throw new RuleViolation("newsMail", "publishing.pathway.rule.notCurrent");
        }
        if (newsMail && author == null) {
            throw new RuleViolation("newsMail", "publishing.pathway.news.notAuthor");
        }
        Long requestId = null;
        if (newsMail) {
            String link = settings.link("/forloeb/" + pathway.regionCode() + "/" + pathway.id());
            Object[] args = {pathway.patientGroup(), pathway.specialty(), link};
            String headline = text(
                    pathway.changeKind() == Pathways.ChangeKind.NEW
                            ? "publishing.pathway.news.headline.new"
                            : "publishing.pathway.news.headline.changed",
                    args);
            requestId = requests.create(
                    author,
                    new Draft(
                            headline.length() > 150 ? headline.substring(0, 150) : headline,
                            text("publishing.pathway.news.body", args),
                            false,
                            null,
                            Audience.REGION,
                            null,
                            List.of(),
                            author.name(),
                            author.name(),
                            today.plusDays(NEWS_LEAD_DAYS),
                            false,
                            null,
                            List.of(),
                            null));
        }
        int changed = jdbc.sql("""
                        UPDATE publishing_pathway SET news_mail = ?, news_request_id = ?, published_version = approved_version,
                            published_at = now()
                        WHERE id = ? AND status = 'CURRENT' AND news_mail IS NULL""").params(newsMail, requestId, pathway.id()).update();
        if (changed == 0) {
            throw new RuleViolation("newsMail", "publishing.pathway.rule.notCurrent");
        }
        return requestId;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, NewsletterApprovals.DANISH);
    }
}
