package nl.casustafel.account.oidc;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The links between identities of the organisations' own OpenID Connect providers and Casustafel
 * accounts. Only an administrator links, and only accounts of their own party; an identity links to
 * one account at most. Role and party stay the account's: nothing of the provider's claims is kept.
 */
@Singleton
public class OidcLinks {

    private static final int MAX_SUBJECT = 255;

    private final OidcLinkRepository links;
    private final UserAccountRepository accounts;
    private final OidcProviders providers;
    private final Clock clock;

    public OidcLinks(OidcLinkRepository links, UserAccountRepository accounts, OidcProviders providers, Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.providers = providers;
        this.clock = clock;
    }

    /** A request to link; {@code issuer} may be left out: then it is the one configured for the provider. */
    public record LinkRequest(String username, String provider, String issuer, String subject) {
    }

    /** A link as the administrator sees it. */
    public record LinkRow(long id, String username, String provider, String issuer, String subject, java.time.Instant linkedAt) {
    }

    @Transactional
    public LinkRow link(Viewer admin, LinkRequest request) {
        requireAdmin(admin);
        String username = trimmed(request.username());
        if (username.isEmpty()) {
            throw new InvalidInputException("username", "Vul de gebruikersnaam van het Casustafel-account in.");
        }
        UserAccount account = accounts.findByUsername(username)
                .filter(a -> a.partyId() == admin.partyId())
                .orElseThrow(() -> new InvalidInputException("username",
                        "Er is geen account met deze gebruikersnaam bij uw organisatie."));
        String provider = trimmed(request.provider());
        if (providers.find(provider).isEmpty()) {
            throw new InvalidInputException("provider", providers.all().isEmpty()
                    ? "Er is geen aanbieder voor aanmelden met de eigen organisatie ingesteld."
                    : "Kies een ingestelde aanbieder: " + String.join(", ",
                    providers.all().stream().map(OidcProviderSettings::getName).toList()) + ".");
        }
        String configuredIssuer = withoutTrailingSlash(providers.issuer(provider).orElseThrow());
        String issuer = trimmed(request.issuer());
        if (issuer.isEmpty()) {
            issuer = configuredIssuer;
        } else if (!withoutTrailingSlash(issuer).equals(withoutTrailingSlash(configuredIssuer))) {
            throw new InvalidInputException("issuer", "De uitgever (issuer) hoort niet bij deze aanbieder; verwacht: "
                    + configuredIssuer + ".");
        }
        String subject = trimmed(request.subject());
        if (subject.isEmpty()) {
            throw new InvalidInputException("subject", "Vul de identiteit (subject, 'sub') van de gebruiker bij de aanbieder in.");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new InvalidInputException("subject", "De identiteit (subject) is te lang: hoogstens " + MAX_SUBJECT + " tekens.");
        }
        if (links.existsByIssuerAndSubject(configuredIssuer, subject)) {
            throw new InvalidInputException("subject", "Deze identiteit is al aan een Casustafel-account gekoppeld.");
        }
        OidcLink saved = links.save(new OidcLink(null, provider, configuredIssuer, subject, account.id(), admin.userId(),
                clock.instant()));
        return row(saved, account.username());
    }

    @Transactional
    public void unlink(Viewer admin, long id) {
        requireAdmin(admin);
        OidcLink link = links.findById(id)
                .filter(l -> accounts.findById(l.userId()).map(a -> a.partyId() == admin.partyId()).orElse(false))
                .orElseThrow(NotFoundException::new);
        links.delete(link);
    }

    public List<LinkRow> list(Viewer admin) {
        requireAdmin(admin);
        return links.findOfParty(admin.partyId()).stream()
                .map(link -> row(link, accounts.findById(link.userId()).map(UserAccount::username).orElse("?")))
                .toList();
    }

    /** The linked account of this provider's identity, as the provider's ID token names it. */
    Optional<OidcLink> find(String provider, String issuer, String subject) {
        if (issuer == null || subject == null) {
            return Optional.empty();
        }
        return links.findByIssuerAndSubject(withoutTrailingSlash(issuer), subject).filter(link -> link.provider().equals(provider));
    }

    private static LinkRow row(OidcLink link, String username) {
        return new LinkRow(link.id(), username, link.provider(), link.issuer(), link.subject(), link.linkedAt());
    }

    private static void requireAdmin(Viewer admin) {
        if (admin.role() != Role.ADMIN) {
            throw new IllegalStateException("Only an administrator links identities");
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
