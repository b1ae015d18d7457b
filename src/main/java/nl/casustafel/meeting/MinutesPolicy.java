package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;

/**
 * What the minutes of a meeting type may carry (covenant, Bijlage 3), named by {@code minutesPolicy}
 * in the covenant file. Each participant gets the minutes at their own disclosure level.
 */
public enum MinutesPolicy {
    /** Verzuimoverleg: no personal data leaves the meeting; aliases, counts and the agreed actions only. */
    NONE_PERSONAL,
    /** SOT: short notes, with the pupil's name for whoever sees the pupil identified. */
    SHORT_WITH_NAME,
    /** Thuiszitterstafel: name and birth date (when identified), reason, a very short case and progress description. */
    BRIEF_NAME_BIRTHDATE;

    /** The policy the covenant names; an unknown or missing one falls back to the strictest. */
    public static MinutesPolicy of(@Nullable String code) {
        if (code != null) {
            for (MinutesPolicy policy : values()) {
                if (policy.name().equalsIgnoreCase(code.strip())) {
                    return policy;
                }
            }
        }
        return NONE_PERSONAL;
    }
}
