package com.marginworkbench.ui.grid;

import com.marginworkbench.classify.Classification;
import com.marginworkbench.classify.Policy;
import com.marginworkbench.classify.Treatment;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The badge of a treatment: its word, an icon of its own, and a colour; never colour alone. */
public final class Badges {
    private Badges() {
    }

    public static Feather icon(Treatment t) {
        return switch (t) {
            case COST_OF_REVENUE -> Feather.PACKAGE;
            case OPERATING_EXPENSE -> Feather.BRIEFCASE;
            case RESEARCH_DEVELOPMENT -> Feather.CPU;
            case CAPITALIZED -> Feather.ARCHIVE;
            case REVIEW -> Feather.ALERT_TRIANGLE;
        };
    }

    public static String styleClass(Treatment t) {
        return "badge-" + t.code().toLowerCase(java.util.Locale.ROOT);
    }

    /** A fresh badge label for a treatment. */
    public static Label create(Treatment t) {
        Label l = new Label();
        l.getStyleClass().add("badge");
        apply(l, t);
        return l;
    }

    public static void apply(Label l, Treatment t) {
        l.getStyleClass().removeIf(s -> s.startsWith("badge-"));
        l.getStyleClass().add(styleClass(t));
        l.setText(t.label());
        FontIcon icon = l.getGraphic() instanceof FontIcon f ? f : new FontIcon();
        icon.setIconCode(icon(t));
        icon.getStyleClass().add("badge-icon");
        l.setGraphic(icon);
    }

    /** The tooltip: why, in one sentence, then the standards for the chosen framework. */
    public static String tooltip(Classification c, Policy policy) {
        return c.describe() + "\n" + c.reason() + "\n" + policy.framework().label() + ": " + c.referencesText();
    }
}
