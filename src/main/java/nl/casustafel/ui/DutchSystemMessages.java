package nl.casustafel.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/**
 * Vaadin's own messages, shown by the browser when the server cannot answer the page (the session
 * ended after the idle timeout, cookies are off, an internal error, the page fell out of step), in
 * Dutch and with what to do next. Each is shown rather than silently reloading the page, so that a
 * user who was away knows why they have to sign in again.
 */
@Singleton
public class DutchSystemMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = messages(event.getSource().getInstantiator().getI18NProvider());
        event.getSource().setSystemMessagesProvider(info -> messages);
    }

    static CustomizedSystemMessages messages(I18NProvider texts) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        // A click on the message leads to the sign-in page (the UI server's context path is the root).
        messages.setSessionExpiredURL("/login");
        messages.setSessionExpiredCaption(text(texts, "system.sessionExpired.caption"));
        messages.setSessionExpiredMessage(text(texts, "system.sessionExpired.message"));
        messages.setCookiesDisabledNotificationEnabled(true);
        messages.setCookiesDisabledCaption(text(texts, "system.cookiesDisabled.caption"));
        messages.setCookiesDisabledMessage(text(texts, "system.cookiesDisabled.message"));
        messages.setInternalErrorNotificationEnabled(true);
        messages.setInternalErrorCaption(text(texts, "system.internalError.caption"));
        messages.setInternalErrorMessage(text(texts, "system.internalError.message"));
        messages.setSyncErrorNotificationEnabled(true);
        messages.setSyncErrorCaption(text(texts, "system.syncError.caption"));
        messages.setSyncErrorMessage(text(texts, "system.syncError.message"));
        return messages;
    }

    private static String text(I18NProvider texts, String key) {
        return texts.getTranslation(key, ViewAccessControl.DUTCH);
    }
}
