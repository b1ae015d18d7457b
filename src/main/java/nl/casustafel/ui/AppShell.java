package nl.casustafel.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell. Server push lets a live meeting follow its chair. Styles are loaded at run time
 * ({@code @StyleSheet}) so that Vaadin's pre-compiled bundle is used and no npm build is needed.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("casustafel.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Casustafel");
        settings.addMetaTag("robots", "noindex, nofollow");
        settings.addInlineWithContents(Inline.Position.PREPEND, "<meta name=\"referrer\" content=\"no-referrer\">",
                Inline.Wrapping.NONE);
    }
}
