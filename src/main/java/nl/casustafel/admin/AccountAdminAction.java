package nl.casustafel.admin;

/** What a beheerder did to an account. */
public enum AccountAdminAction {
    CREATED, DEACTIVATED, REACTIVATED, PASSWORD_RESET, SECOND_FACTOR_RESET
}
