package nl.casustafel.account.oidc;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;
import java.util.Set;

/**
 * Casustafel's own settings for one OpenID Connect provider ({@code casustafel.oidc.providers.<name>}),
 * beside Micronaut's client of the same name ({@code micronaut.security.oauth2.clients.<name>}): the
 * text of its button and whether its multi-factor claim counts as the second factor of covenant art.
 * 10.2. By default it does not: the user continues at Casustafel's own code step.
 */
@EachProperty("casustafel.oidc.providers")
public class OidcProviderSettings {

    /** The {@code amr} values (RFC 8176) that name a second factor. */
    static final List<String> DEFAULT_MFA_AMR = List.of("mfa", "otp", "hwk", "swk", "sc");

    private final String name;
    private String label;
    private boolean acceptsMfaClaim;
    private List<String> mfaAmr = DEFAULT_MFA_AMR;
    private List<String> mfaAcr = List.of();

    public OidcProviderSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** The organisation as on the button, e.g. "Entree" gives "Aanmelden met Entree". */
    public String getLabel() {
        return label == null || label.isBlank() ? name : label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public boolean isAcceptsMfaClaim() {
        return acceptsMfaClaim;
    }

    public void setAcceptsMfaClaim(boolean acceptsMfaClaim) {
        this.acceptsMfaClaim = acceptsMfaClaim;
    }

    public List<String> getMfaAmr() {
        return mfaAmr;
    }

    public void setMfaAmr(List<String> mfaAmr) {
        this.mfaAmr = List.copyOf(mfaAmr);
    }

    public List<String> getMfaAcr() {
        return mfaAcr;
    }

    public void setMfaAcr(List<String> mfaAcr) {
        this.mfaAcr = List.copyOf(mfaAcr);
    }

    /** Whether the provider's claims show a second factor that counts for this provider. */
    boolean secondFactorDone(List<String> amr, String acr) {
        if (!acceptsMfaClaim) {
            return false;
        }
        Set<String> accepted = Set.copyOf(mfaAmr);
        return amr.stream().anyMatch(accepted::contains) || (acr != null && mfaAcr.contains(acr));
    }
}
