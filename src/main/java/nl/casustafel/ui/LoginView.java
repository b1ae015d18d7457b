package nl.casustafel.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.SignIn;
import nl.casustafel.account.Viewer;

/** Aanmelden: username and password, checked by the same account service as the API's {@code POST /login}. */
@Route("login")
@PageTitle("Aanmelden | Casustafel")
@AnonymousAllowed
@Prototype
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;
    private final UiSignIn uiSignIn;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n;

    public LoginView(AccountService accounts, UiSignIn uiSignIn) {
        this.accounts = accounts;
        this.uiSignIn = uiSignIn;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        i18n = dutch();
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.intro")), form);
    }

    private void signIn(String username, String password) {
        switch (accounts.signIn(username, password)) {
            case SignIn.SignedIn(Viewer viewer) -> uiSignIn.complete(viewer);
            case SignIn.Refused refused -> showError(getTranslation("login.error.title"), getTranslation("login.error.message"));
            case SignIn.Locked locked -> showError(getTranslation("login.locked.title"),
                    getTranslation("login.locked.message", locked.minutes()));
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
            event.forwardTo(HomeView.class);
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
