package nl.casustafel.monitoring;

import com.vaadin.flow.component.html.Div;

/** A server-drawn SVG chart ({@link SvgChart}) on the page; the browser parses it as inline SVG. */
class ChartView extends Div {

    ChartView(String id, String svg) {
        setId("chart-" + id);
        addClassName("monitoring-chart-wrap");
        getElement().setProperty("innerHTML", svg);
    }
}
