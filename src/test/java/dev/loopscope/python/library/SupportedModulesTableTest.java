package dev.loopscope.python.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopscope.python.syntax.SupportedModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The subset check's import table, the modules the interpreter really builds and the documentation all name the
 * same things: an import the check admits never fails at run time, and nothing that runs is refused.
 */
class SupportedModulesTableTest {

    /** The public names a module built by the interpreter has. */
    private static Set<String> realNames(String module) {
        Set<String> names = new TreeSet<>();
        for (String n : LibraryNames.inventory().get(module)) {
            if (!n.startsWith("_") || n.equals("__stdout__") || n.equals("__stderr__")
                    || n.equals("__excepthook__")) {
                names.add(n);
            }
        }
        return names;
    }

    @Test
    void everyNameTheTableSaysRunsExistsInTheRealModule() {
        for (SupportedModules.Module m : SupportedModules.all().values()) {
            assertThat(LibraryNames.inventory()).as("module %s is importable", m.name()).containsKey(m.name());
            m.names().forEach((name, support) -> {
                if (support == SupportedModules.Support.RUNS) {
                    assertThat(LibraryNames.inventory().get(m.name())).as("%s.%s", m.name(), name).contains(name);
                }
            });
        }
    }

    @Test
    void theTableListsEveryPublicNameOfTheRealModulesAndMarksThemRuns() {
        for (SupportedModules.Module m : SupportedModules.all().values()) {
            assertThat(new TreeSet<>(m.names().keySet())).as("names of %s", m.name()).isEqualTo(realNames(m.name()));
            assertThat(m.names().values()).as("support of %s", m.name()).containsOnly(SupportedModules.Support.RUNS);
        }
    }

    @Test
    void theSubsetDocumentListsTheSameModulesAndNames() throws IOException {
        String doc = Files.readString(Path.of("src/docs/python-subset.md"));
        String section = doc.substring(doc.indexOf("### Modules"), doc.indexOf("## What is refused"));
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z.]+)` \\|(.*)\\|$", Pattern.MULTILINE);
        Pattern name = Pattern.compile("`([A-Za-z_0-9]+)`");
        Matcher r = row.matcher(section);
        while (r.find()) {
            Set<String> names = new TreeSet<>();
            Matcher n = name.matcher(r.group(2));
            while (n.find()) {
                names.add(n.group(1));
            }
            documented.put(r.group(1), names);
        }
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(SupportedModules.names());
        for (SupportedModules.Module m : SupportedModules.all().values()) {
            assertThat(documented.get(m.name())).as("documented names of %s", m.name())
                    .isEqualTo(new TreeSet<>(m.names().keySet()));
        }
    }
}
