package dk.samspil.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param absoluteSessionTimeout a session ends this long after sign-in, however active
 * @param throttleWindow failed sign-ins are counted over this window
 * @param maxFailuresPerUser failed sign-ins to one username within the window before each further attempt must wait
 * @param maxFailuresPerAddress failed sign-ins from one address within the window before each further attempt from it
 *     must wait (not for a user who has signed in from that address before)
 * @param firstDelay the wait after that many failures; it doubles with every further failure
 * @param longestDelay the wait never grows past this
 * @param trustedProxies addresses (or CIDR ranges) of the reverse proxies whose {@code X-Forwarded-For} is believed;
 *     none by default ({@code SAMSPIL_SECURITY_TRUSTED_PROXIES=10.0.0.5,10.0.0.6})
 * @param passwordResetValidity how long a "Glemt adgangskode" link works ({@code SAMSPIL_SECURITY_PASSWORDRESETVALIDITY})
 */
@ConfigurationProperties("samspil.security")
public record SecuritySettings(
        @DefaultValue("10h") Duration absoluteSessionTimeout,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("3") int maxFailuresPerUser,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("30s") Duration longestDelay,
        @DefaultValue("") List<String> trustedProxies,
        @DefaultValue("1h") Duration passwordResetValidity) {}
