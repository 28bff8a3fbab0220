package dk.samspil.documents;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The PDFs of an order's package documents as a persistent one-time task of the scheduler (instance id
 * "order-<id>": one run per order at a time): never on a request thread, and picked up again after a stop.
 */
@Configuration(proxyBeanMethods = false)
class DocumentJob {

    @Bean
    OneTimeTask<Long> documentPdfTask(@Lazy OrderDocuments documents) {
        return Tasks.oneTime("document-pdfs", Long.class)
                .execute((instance, context) -> documents.makePdfs(instance.getData()));
    }
}
