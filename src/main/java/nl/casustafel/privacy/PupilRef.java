package nl.casustafel.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a pupil as it comes in from outside (a URL, an API path): a pupil number, which only
 * a viewer who may see the pupil by name may use, or a handle of the pupil at a table.
 */
public sealed interface PupilRef {

    Pattern NUMBER = Pattern.compile("\\d{1,18}");
    Pattern HANDLE = Pattern.compile("[a-p]{32}");

    /** The pupil number. */
    record Number(long pupilId) implements PupilRef {
    }

    /** The pupil's handle at one table. */
    record Handle(String value) implements PupilRef {
    }

    /** Empty for anything that is neither. */
    static Optional<PupilRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (NUMBER.matcher(text).matches()) {
            return Optional.of(new Number(Long.parseLong(text)));
        }
        if (HANDLE.matcher(text).matches()) {
            return Optional.of(new Handle(text));
        }
        return Optional.empty();
    }
}
