package nl.casustafel.account.oidc;

import java.util.Arrays;

/** Why a sign-in with the organisation's own account did not complete; each has its Dutch message. */
public enum OidcRefusal {
    UNLINKED("niet-gekoppeld", "Uw account bij uw organisatie is niet gekoppeld aan een Casustafel-account. "
            + "Vraag de beheerder van Casustafel bij uw organisatie om de koppeling; er is geen account aangemaakt."),
    INACTIVE("niet-actief", "Het Casustafel-account dat bij uw account van uw organisatie hoort, is uitgeschakeld. "
            + "Neem contact op met de beheerder."),
    EXPIRED("verlopen", "Deze aanmelding is verlopen of al gebruikt. Meld u opnieuw aan."),
    FAILED("mislukt", "Aanmelden bij uw organisatie is mislukt. Probeer het opnieuw, of meld u aan met gebruikersnaam en wachtwoord.");

    private final String code;
    private final String message;

    OidcRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The code in the address of the sign-in page ({@code ?fout=}). */
    public String code() {
        return code;
    }

    /** The Dutch message for the user. */
    public String message() {
        return message;
    }

    /** The refusal of a code from the address; an unknown code is a failed sign-in. */
    public static OidcRefusal ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst().orElse(FAILED);
    }
}
