package dk.samspil.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param absoluteSessionTimeout a session ends this long after sign-in, however active
 * @param throttleWindow failed sign-ins are counted over this window
 * @param maxFailuresPerUser failed sign-ins to one username within the window before it is held back
 * @param maxFailuresPerAddress failed sign-ins from one address within the window before it is held back
 * @param passwordResetValidity how long a "Glemt adgangskode" link works ({@code SAMSPIL_SECURITY_PASSWORDRESETVALIDITY})
 */
@ConfigurationProperties("samspil.security")
public record SecuritySettings(
        @DefaultValue("10h") Duration absoluteSessionTimeout,
        @DefaultValue("15m") Duration throttleWindow,
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("1h") Duration passwordResetValidity) {}
