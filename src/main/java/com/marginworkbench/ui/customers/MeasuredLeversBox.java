package com.marginworkbench.ui.customers;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Beside the stress levers: the heavy-user share and multiplier measured from the imported usage,
 * and a button that puts them on the sliders. Hidden until usage has been imported.
 */
public final class MeasuredLeversBox extends VBox {
    public MeasuredLeversBox(CustomersViewModel vm) {
        super(4);
        getStyleClass().add("measured-levers");
        getStylesheets().add(MeasuredLeversBox.class.getResource("/com/marginworkbench/ui/customers/customers.css")
                .toExternalForm());
        Label text = new Label();
        text.setId("measuredLevers");
        text.setWrapText(true);
        Button use = new Button("Use measured values", new FontIcon(Feather.USER_CHECK));
        use.setId("useMeasured");
        use.setOnAction(e -> vm.useMeasured());
        getChildren().addAll(text, use);
        setVisible(false);
        setManaged(false);
        vm.reportProperty().addListener((o, a, r) -> {
            text.setText(vm.measuredText());
            boolean show = r != null;
            setVisible(show);
            setManaged(show);
            use.setDisable(r == null || r.economics().heavyUsers().customers() < 2);
        });
    }
}
