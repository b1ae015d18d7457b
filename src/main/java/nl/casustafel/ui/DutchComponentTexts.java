package nl.casustafel.ui;

import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.Function;

/**
 * Dutch for the texts Vaadin's components carry themselves. Where Flow has an API (upload, login, date
 * picker, app layout) the views use it; {@link #upload} gives the upload's. For the few texts Flow offers
 * no API for, a script in every page puts them in Dutch as the components appear: the grid's sort buttons
 * (Flow's grid connector writes "Sort by …"), the password field's show-password button and the
 * connection indicator ("Connection lost"). The page's language is {@code nl}, so that screen readers
 * read it as Dutch.
 */
@Singleton
public class DutchComponentTexts implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        String script = script(event.getSource().getInstantiator().getI18NProvider());
        event.addIndexHtmlRequestListener(response -> {
            response.getDocument().getElementsByTag("html").attr("lang", "nl");
            response.getDocument().head().appendElement("script").appendChild(new org.jsoup.nodes.DataNode(script));
        });
    }

    /** The upload's texts in Dutch, translated by the component's {@code getTranslation}. */
    public static UploadI18N upload(Function<String, String> texts) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(texts.apply("upload.drop.one")).setMany(texts.apply("upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(texts.apply("upload.add.one")).setMany(texts.apply("upload.add.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(texts.apply("upload.error.tooMany"))
                .setFileIsTooBig(texts.apply("upload.error.tooBig")).setIncorrectFileType(texts.apply("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(texts.apply("upload.status.connecting"))
                        .setStalled(texts.apply("upload.status.stalled")).setProcessing(texts.apply("upload.status.processing"))
                        .setHeld(texts.apply("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(texts.apply("upload.remaining.prefix"))
                        .setUnknown(texts.apply("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(texts.apply("upload.error.server"))
                        .setUnexpectedServerError(texts.apply("upload.error.unexpected")).setForbidden(texts.apply("upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(texts.apply("upload.file.retry")).setStart(texts.apply("upload.file.start"))
                .setRemove(texts.apply("upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    static String script(I18NProvider provider) {
        Function<String, String> t = key -> quoted(provider.getTranslation(key, ViewAccessControl.DUTCH));
        return """
                (() => {
                  const sortBy = %s, reveal = %s, online = %s, offline = %s, reconnecting = %s;
                  const dutch = el => {
                    const name = el.localName;
                    if (name === 'vaadin-grid-sorter') {
                      const label = el.getAttribute('aria-label');
                      if (label && label.startsWith('Sort by ')) el.setAttribute('aria-label', sortBy + ' ' + label.substring(8));
                    } else if (name === 'vaadin-password-field') {
                      customElements.whenDefined(name).then(() => {
                        if (!el.i18n || el.i18n.reveal !== reveal) el.i18n = Object.assign({}, el.i18n, {reveal});
                      });
                    } else if (name === 'vaadin-connection-indicator') {
                      customElements.whenDefined(name).then(() => Object.assign(el,
                          {onlineText: online, offlineText: offline, reconnectingText: reconnecting}));
                    }
                  };
                  const selector = 'vaadin-grid-sorter, vaadin-password-field, vaadin-connection-indicator';
                  new MutationObserver(records => records.forEach(record => {
                    if (record.type === 'attributes') dutch(record.target);
                    record.addedNodes.forEach(node => {
                      if (node.nodeType !== 1) return;
                      dutch(node);
                      node.querySelectorAll(selector).forEach(dutch);
                    });
                  })).observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label']});
                })();
                """.formatted(t.apply("grid.sortBy"), t.apply("password.reveal"), t.apply("connection.online"),
                t.apply("connection.offline"), t.apply("connection.reconnecting"));
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c") + "'";
    }
}
