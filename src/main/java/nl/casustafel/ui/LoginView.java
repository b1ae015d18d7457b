package nl.casustafel.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Enrolment;
import nl.casustafel.account.EnrolmentResult;
import nl.casustafel.account.FirstFactor;
import nl.casustafel.account.PendingSignIn;
import nl.casustafel.account.SignIn;
import nl.casustafel.account.Viewer;
import nl.casustafel.account.oidc.OidcLoginHandler;
import nl.casustafel.account.oidc.OidcRefusal;
import nl.casustafel.account.oidc.OidcSignIn;

import java.util.List;

/**
 * Aanmelden in two steps, checked by the same account service as the API: username and password, then
 * the second factor (a code of the authenticator app or a recovery code), or, for an account without
 * one, its enrolment (QR code, first code, recovery codes). Until the second factor is done the session
 * holds no {@link Viewer}: the half-done sign-in lives only in this view, so every other view stays closed
 * and leaving the page starts again at the password.
 *
 * <p>Where providers are configured, a button per provider starts the sign-in with the organisation's
 * own account (OpenID Connect, on Micronaut's server); it comes back at {@code /login/oidc} with a
 * one-time ticket, redeemed here: signed in when the provider's second factor counts, else on to the
 * second step as after a right password; or with the reason of a refusal.
 */
@Route("login")
@RouteAlias("login/oidc")
@PageTitle("Aanmelden | Casustafel")
@AnonymousAllowed
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;
    private final UiSignIn uiSignIn;
    private final OidcSignIn oidc;
    private final Paragraph oidcError = error("oidc-error");
    private final List<Button> oidcButtons = new java.util.ArrayList<>();
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n;
    private final VerticalLayout secondStep = new VerticalLayout();

    public LoginView(AccountService accounts, UiSignIn uiSignIn, OidcSignIn oidc) {
        this.accounts = accounts;
        this.uiSignIn = uiSignIn;
        this.oidc = oidc;
        addClassName("login-view");
        getElement().setAttribute("role", "main");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        i18n = dutch();
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> checkPassword(event.getUsername(), event.getPassword()));
        secondStep.setId("second-factor");
        secondStep.setVisible(false);
        secondStep.setMaxWidth("32em");
        secondStep.setAlignItems(Alignment.STRETCH);
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.intro")), oidcError, form);
        oidc.buttons().forEach(provider -> {
            Button button = new Button(getTranslation("login.oidc.button", provider.label()));
            button.setId("oidc-" + provider.provider());
            // Micronaut's server, outside the web app: a full page load
            button.addClickListener(click -> UI.getCurrent().getPage().setLocation(provider.href()));
            oidcButtons.add(button);
            add(button);
        });
        add(secondStep);
    }

    private void checkPassword(String username, String password) {
        switch (accounts.checkPassword(username, password)) {
            case FirstFactor.Passed(PendingSignIn pending) -> secondFactor(pending);
            case FirstFactor.Failed(SignIn outcome) -> showError(outcome);
        }
    }

    /** The first factor is done (password, or the organisation's own sign-in): only the second step shows. */
    private void secondFactor(PendingSignIn pending) {
        form.setVisible(false);
        oidcError.setVisible(false);
        oidcButtons.forEach(button -> button.setVisible(false));
        secondStep.setVisible(true);
        if (pending.enrolled()) {
            askCode(pending);
        } else {
            enrol(pending, accounts.startEnrolment(pending));
        }
    }

    /** Back from the organisation's own sign-in: redeems the ticket once, or shows why it was refused. */
    private void returnFromOrganisation(QueryParameters query) {
        var ticket = query.getSingleParameter("ticket");
        if (ticket.isEmpty()) {
            showOidcRefusal(OidcRefusal.ofCode(query.getSingleParameter("fout").orElse("")));
            return;
        }
        switch (oidc.redeem(ticket.get())) {
            // completed in the browser's first round-trip, not while the page itself loads: a new session id
            // cannot be given in the middle of the page's own (bootstrap) request
            case OidcSignIn.Outcome.SignedIn(Viewer viewer) -> UI.getCurrent().getPage().executeJs("return true")
                    .then(ignored -> completeSignIn(viewer));
            case OidcSignIn.Outcome.SecondFactor(PendingSignIn pending) -> secondFactor(pending);
            case OidcSignIn.Outcome.Refused(OidcRefusal refusal) -> showOidcRefusal(refusal);
        }
    }

    private void showOidcRefusal(OidcRefusal refusal) {
        show(oidcError, refusal.message());
    }

    private void askCode(PendingSignIn pending) {
        TextField code = codeField("second-factor-code", getTranslation("login.code.label"));
        Paragraph error = error("second-factor-error");
        Button confirm = primary("second-factor-submit", getTranslation("login.code.submit"));
        confirm.addClickListener(click -> {
            SignIn outcome = accounts.checkCode(pending, code.getValue());
            if (outcome instanceof SignIn.SignedIn(Viewer viewer)) {
                completeSignIn(viewer);
                return;
            }
            show(error, outcome instanceof SignIn.Locked locked
                    ? getTranslation("login.locked.message", locked.minutes())
                    : getTranslation("login.code.error"));
            code.clear();
            code.focus();
        });
        secondStep.add(new H2(getTranslation("login.code.title")), new Paragraph(getTranslation("login.code.intro")),
                code, error, confirm);
        code.focus();
    }

    private void enrol(PendingSignIn pending, Enrolment enrolment) {
        Image qr = new Image(accounts.qrPng(enrolment), getTranslation("login.enrol.qr"));
        qr.setId("totp-qr");
        qr.setWidth("240px");
        TextField secret = new TextField(getTranslation("login.enrol.secret"));
        secret.setId("totp-secret");
        secret.setValue(enrolment.secretInGroups());
        secret.setReadOnly(true);
        TextField code = codeField("enrol-code", getTranslation("login.enrol.code"));
        Paragraph error = error("enrol-error");
        Button confirm = primary("enrol-submit", getTranslation("login.enrol.submit"));
        confirm.addClickListener(click -> {
            switch (accounts.confirmEnrolment(pending, enrolment, code.getValue())) {
                case EnrolmentResult.Confirmed(Viewer viewer, List<String> recoveryCodes) -> showRecoveryCodes(viewer, recoveryCodes);
                case EnrolmentResult.Failed(SignIn outcome) -> {
                    show(error, outcome instanceof SignIn.Locked locked
                            ? getTranslation("login.locked.message", locked.minutes())
                            : getTranslation("login.enrol.error"));
                    code.clear();
                }
            }
        });
        secondStep.add(new H2(getTranslation("login.enrol.title")), new Paragraph(getTranslation("login.enrol.intro")),
                qr, secret, code, error, confirm);
    }

    /** The recovery codes, this once; the sign-in completes when the user says they are kept. */
    private void showRecoveryCodes(Viewer viewer, List<String> recoveryCodes) {
        secondStep.removeAll();
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.getStyle().set("font-family", "monospace");
        recoveryCodes.forEach(code -> list.add(new ListItem(code)));
        Button next = primary("recovery-continue", getTranslation("login.recovery.continue"));
        next.addClickListener(click -> completeSignIn(viewer));
        secondStep.add(new H2(getTranslation("login.recovery.title")), new Paragraph(getTranslation("login.recovery.intro")),
                list, next);
    }

    /** The one place where a sign-in completes: a new session id, the viewer in the session, home. */
    private void completeSignIn(Viewer viewer) {
        uiSignIn.complete(viewer);
    }

    private TextField codeField(String id, String label) {
        TextField code = new TextField(label);
        code.setId(id);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(40);
        code.setRequired(true);
        return code;
    }

    private static Paragraph error(String id) {
        Paragraph error = new Paragraph();
        error.setId(id);
        error.getStyle().set("color", "var(--lumo-error-text-color, #c00)");
        error.setVisible(false);
        return error;
    }

    private static void show(Paragraph error, String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Button primary(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClickShortcut(Key.ENTER);
        return button;
    }

    private void showError(SignIn outcome) {
        if (outcome instanceof SignIn.Locked locked) {
            showError(getTranslation("login.locked.title"), getTranslation("login.locked.message", locked.minutes()));
        } else {
            showError(getTranslation("login.error.title"), getTranslation("login.error.message"));
        }
    }

    private void showError(String title, String message) {
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo(UiSignIn.HOME);
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey(IdleSignOut.EXPIRED)) {
            Paragraph expired = new Paragraph(getTranslation("login.expired"));
            expired.setId("session-expired");
            expired.addClassName("login-expired");
            addComponentAtIndex(1, expired);
            return;
        }
        if (event.getLocation().getPath().equals(OidcLoginHandler.PAGE.substring(1))) {
            returnFromOrganisation(event.getLocation().getQueryParameters());
        }
    }

    private LoginI18n dutch() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }
}
