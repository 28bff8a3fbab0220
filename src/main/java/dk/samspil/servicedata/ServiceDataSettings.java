package dk.samspil.servicedata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threshold register counts from 1 to threshold − 1 are shown as "&lt;threshold" outside the practice
 * @param minAnswers survey results are shown from this many answers
 * @param minGroupAnswers a breakdown of survey results by group needs this many answers in every group
 */
@ConfigurationProperties("samspil.disclosure")
public record ServiceDataSettings(
        @DefaultValue("5") int threshold,
        @DefaultValue("3") int minAnswers,
        @DefaultValue("5") int minGroupAnswers) {}
