package kb.accounts;

import java.time.OffsetDateTime;

/** A user as the rest of the app sees it: never carries the password hash. */
record User(long id, String name, Role role, boolean disabled, OffsetDateTime createdAt) {

    public boolean canEdit() {
        return !disabled && role.includes(Role.EDITOR);
    }

    public boolean isAdmin() {
        return !disabled && role == Role.ADMIN;
    }
}
