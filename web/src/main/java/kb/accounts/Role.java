package kb.accounts;

import java.util.Arrays;
import java.util.Locale;

/** What a user may do; each role includes the ones before it (admin ⊃ editor ⊃ viewer). */
public enum Role {
    /** Reads published postmortems (and everything when anonymous reading is off). */
    VIEWER,
    /** Also sees drafts and writes postmortems. */
    EDITOR,
    /** Also manages users and sees import conflicts. */
    ADMIN;

    /** The name stored in the database and shown in forms: {@code viewer}, {@code editor}, {@code admin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** Parses a role key; throws {@link AccountException} naming the allowed values otherwise. */
    public static Role parse(String key) {
        if (key != null) {
            for (Role r : values()) {
                if (r.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new AccountException("role must be one of " + Arrays.stream(values()).map(Role::key).toList()
                + ", got '" + key + "'");
    }
}
