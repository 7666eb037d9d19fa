package org.deepdesk.app.shell;

import java.util.List;
import java.util.Optional;
import javafx.scene.text.Font;

/**
 * Picks an installed font family that has Chinese glyphs. JavaFX's automatic fallback skips
 * OpenType CJK fonts such as Debian's Noto Sans CJK, so Chinese text shows as boxes unless the
 * stylesheet names such a family explicitly.
 */
final class UiFonts {

    /** Preferred families, best first: the Noto and Source Han families, then common system fonts. */
    private static final List<String> CJK_FAMILIES = List.of(
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
            "Hiragino Sans GB", "SimHei", "Droid Sans Fallback", "AR PL UMing CN");

    private UiFonts() {
    }

    static Optional<String> cjkFamily() {
        List<String> installed = Font.getFamilies();
        return CJK_FAMILIES.stream().filter(installed::contains).findFirst();
    }
}
