package com.marginworkbench.ui.tiles;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The margin tiles, two to a row; each shows its figure and its change with an arrow. */
public final class TilesView extends GridPane {
    public TilesView(List<Tile> tiles) {
        getStyleClass().add("tiles");
        setHgap(8);
        setVgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < tiles.size(); i++) {
            add(card(tiles.get(i)), i % 2, i / 2);
        }
    }

    private static VBox card(Tile t) {
        Label title = new Label(t.title());
        title.getStyleClass().add("tile-title");

        Label value = new Label();
        value.textProperty().bind(t.valueProperty());
        value.getStyleClass().add("tile-value");
        value.setId("tile-" + t.id() + "-value");
        Label delta = new Label();
        delta.textProperty().bind(t.deltaProperty());
        delta.getStyleClass().add("tile-delta");
        delta.setMinWidth(Region.USE_PREF_SIZE);
        delta.setId("tile-" + t.id() + "-delta");
        FontIcon arrow = new FontIcon(Feather.MINUS);
        delta.setGraphic(arrow);
        t.toneProperty().addListener((obs, o, n) -> tone(delta, arrow, n));
        tone(delta, arrow, t.toneProperty().get());
        // The caption never changes, so a moving figure does not re-measure wrapped text.
        Label against = new Label(t.against());
        against.getStyleClass().add("tile-against");
        HBox change = new HBox(4, delta, against);
        change.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox card = new VBox(2, title, value, change);
        card.getStyleClass().add("tile");
        card.setId("tile-" + t.id());
        card.setFocusTraversable(false);
        Tooltip.install(card, new Tooltip(t.help()));
        card.setAccessibleText(t.title());
        return card;
    }

    private static void tone(Label delta, FontIcon arrow, Tile.Tone tone) {
        delta.getStyleClass().removeAll("tone-up", "tone-down", "tone-flat");
        switch (tone) {
            case UP -> {
                arrow.setIconCode(Feather.TRENDING_UP);
                delta.getStyleClass().add("tone-up");
            }
            case DOWN -> {
                arrow.setIconCode(Feather.TRENDING_DOWN);
                delta.getStyleClass().add("tone-down");
            }
            case FLAT -> {
                arrow.setIconCode(Feather.MINUS);
                delta.getStyleClass().add("tone-flat");
            }
            case NONE -> arrow.setIconCode(Feather.MINUS);
        }
        delta.setGraphic(tone == Tile.Tone.NONE ? null : arrow);
    }
}
