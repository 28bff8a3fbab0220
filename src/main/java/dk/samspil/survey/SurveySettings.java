package dk.samspil.survey;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * <p>How many answers results need is the disclosure policy's ({@code samspil.disclosure.min-answers}).
 *
 * @param mixInterval how often pending answers are mixed into the anonymous store
 * @param jobInterval how often deadlines and reminder days are checked
 * @param guessesPerWindow unknown links one client may try per {@code guessWindow} before it is held back
 * @param coordinatorSends providers (codes) that let the cluster's coordinator send the survey and its reminders
 * @param municipalAudience packages (slugs) whose survey goes to the municipal participants as well as the members
 *     unless the sender chooses otherwise (seed 000: "til alle deltagere og andre relevante")
 */
@ConfigurationProperties("samspil.survey")
public record SurveySettings(
        @DefaultValue("10s") Duration mixInterval,
        @DefaultValue("1h") Duration jobInterval,
        @DefaultValue("20") int guessesPerWindow,
        @DefaultValue("10m") Duration guessWindow,
        @DefaultValue("") Set<String> coordinatorSends,
        @DefaultValue("medicinhaandtering") Set<String> municipalAudience) {}
