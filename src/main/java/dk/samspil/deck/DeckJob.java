package dk.samspil.deck;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Deck generation as a persistent one-time task of the scheduler: it runs on the scheduler's threads, never on a
 * request thread, and an instance that stops mid-way leaves the task to be picked up again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeckSettings.class)
class DeckJob {

    static final String NAME = "deck-generation";

    @Bean
    OneTimeTask<Long> deckGenerationTask(@Lazy Decks decks) {
        return Tasks.oneTime(NAME, Long.class).execute((instance, context) -> decks.build(instance.getData()));
    }
}
