package dk.samspil.publishing;

import dk.samspil.publishing.NewsletterRequests.RequestView;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The newsletters published on praksis.dk. */
@Service
class PublishedNews {

    private final JdbcClient jdbc;
    private final NewsletterRequests requests;

    PublishedNews(JdbcClient jdbc, NewsletterRequests requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    List<RequestView> published(int limit) {
        return jdbc.sql("""
                        SELECT id FROM publishing_request WHERE published_at IS NOT NULL
                        ORDER BY published_at DESC, id DESC LIMIT ?""").param(limit).query(Long.class).list().stream()
                .map(id -> requests.find(id).orElseThrow())
                .toList();
    }

    Optional<RequestView> published(long id) {
        return requests.find(id).filter(request -> request.publishedAt() != null);
    }
}
