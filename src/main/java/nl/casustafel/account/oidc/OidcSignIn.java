package nl.casustafel.account.oidc;

import jakarta.inject.Singleton;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.PendingSignIn;
import nl.casustafel.account.Viewer;

import java.util.List;

/**
 * The web app's side of a sign-in with the organisation's own account: redeems the one-time ticket of
 * the OAuth callback. Signed in when the provider's second factor counts for that provider; otherwise
 * the account continues at Casustafel's own second step, like after a right password.
 */
@Singleton
public class OidcSignIn {

    /** The outcome of redeeming a ticket. */
    public sealed interface Outcome {
        /** Every factor checked: complete the sign-in. */
        record SignedIn(Viewer viewer) implements Outcome {
        }

        /** The organisation's sign-in counts as the first factor; the second comes next. */
        record SecondFactor(PendingSignIn pending) implements Outcome {
        }

        record Refused(OidcRefusal refusal) implements Outcome {
        }
    }

    /** A button of the sign-in page: the provider's name (its route) and the organisation on it. */
    public record Button(String provider, String label) {
        public String href() {
            return "/oauth/login/" + provider;
        }
    }

    private final SignInTickets tickets;
    private final AccountService accounts;
    private final OidcProviders providers;

    public OidcSignIn(SignInTickets tickets, AccountService accounts, OidcProviders providers) {
        this.tickets = tickets;
        this.accounts = accounts;
        this.providers = providers;
    }

    public Outcome redeem(String ticketId) {
        return tickets.redeem(ticketId)
                .<Outcome>map(ticket -> ticket.secondFactorDone()
                        ? accounts.organisationSignedIn(ticket.userId())
                                .<Outcome>map(Outcome.SignedIn::new)
                                .orElse(new Outcome.Refused(OidcRefusal.INACTIVE))
                        : accounts.afterOrganisationSignIn(ticket.userId())
                                .<Outcome>map(Outcome.SecondFactor::new)
                                .orElse(new Outcome.Refused(OidcRefusal.INACTIVE)))
                .orElse(new Outcome.Refused(OidcRefusal.EXPIRED));
    }

    /** The buttons for the sign-in page; none when no provider is configured. */
    public List<Button> buttons() {
        return providers.all().stream().map(p -> new Button(p.getName(), p.getLabel())).toList();
    }
}
