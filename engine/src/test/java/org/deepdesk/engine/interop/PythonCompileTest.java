package org.deepdesk.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.Presets;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-compiles every export with {@code python3 -m py_compile}; skipped where python3 is missing. */
class PythonCompileTest {

    @TempDir
    Path folder;

    static java.util.List<String> presets() {
        return Presets.IDS;
    }

    @ParameterizedTest
    @MethodSource("presets")
    void exportsCompile(String id) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        NetworkDocument document = Presets.load(id);
        Path keras = folder.resolve(id + "_keras.py");
        Path torch = folder.resolve(id + "_torch.py");
        Files.writeString(keras, KerasScript.generate(document.network(), document.training(), 10, keras.getFileName().toString()));
        Files.writeString(torch, PyTorchScript.generate(document.network(), document.training(), 10, torch.getFileName().toString()));

        assertEquals("", compile(keras), "Keras script");
        assertEquals("", compile(torch), "PyTorch script");
    }

    /** Returns python's error output, empty when the file compiles. */
    private static String compile(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "-m", "py_compile", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return process.exitValue() == 0 ? "" : output;
    }

    private static boolean pythonAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }
}
