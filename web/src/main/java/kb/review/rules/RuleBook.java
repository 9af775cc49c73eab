package kb.review.rules;

import kb.review.diff.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kb.review.analysis.Models;

/**
 * Everything a review needs from {@code content/}: the detectors, the manual-checklist triggers, the mapping of other
 * analysers' findings, and the checklist catalog (items and the incidents behind them).
 */
public final class RuleBook {

    private final List<Rule> rules;
    private final List<ManualTrigger> triggers;
    private final List<ImportMapping> imports;
    private final Catalog catalog;
    private final java.util.Map<Language, QuerySet> queries;
    private final Models models;

    public RuleBook(List<Rule> rules, List<ManualTrigger> triggers, List<ImportMapping> imports, Catalog catalog) {
        this(rules, triggers, imports, catalog, Models.empty());
    }

    public RuleBook(List<Rule> rules, List<ManualTrigger> triggers, List<ImportMapping> imports, Catalog catalog,
                    Models models) {
        this.models = models;
        this.rules = List.copyOf(rules);
        this.triggers = List.copyOf(triggers);
        this.imports = List.copyOf(imports);
        this.catalog = catalog;
        this.queries = QuerySet.of(this.rules);
    }

    public QuerySet queries(Language language) {
        return queries.get(language);
    }

    /**
     * Loads {@code contentDir/rules/*.yaml} and the catalog from {@code contentDir}.
     *
     * @throws RuleFileException listing every problem of every rule file, each with file and line
     * @throws IOException       when the folder cannot be read
     */
    public static RuleBook load(Path contentDir) throws IOException, RuleFileException {
        return load(contentDir.resolve("rules"), Catalog.load(contentDir));
    }

    /** The library models the analysis rules use. */
    public Models models() {
        return models;
    }

    /**
     * Loads the rule files in {@code dir} against a given catalog, and the library models in {@code dir/models}.
     *
     * @throws RuleFileException listing every problem of the rule and model files, each with file and line
     */
    public static RuleBook load(Path dir, Catalog catalog) throws IOException, RuleFileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleFileException(List.of(dir + ": no rules folder"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        Models models;
        try {
            models = Models.load(dir.resolve("models"), dir.getFileName() + "/models");
        } catch (Models.ModelFileException e) {
            throw new RuleFileException(e.problems());
        }
        RuleLoader loader = new RuleLoader(catalog, models);
        for (Path f : files) {
            loader.read(dir.getFileName() + "/" + f.getFileName(),
                    f.getFileName().toString().replaceFirst("\\.ya?ml$", ""),
                    Files.readString(f, StandardCharsets.UTF_8));
        }
        return loader.finish();
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<ManualTrigger> triggers() {
        return triggers;
    }

    public List<ImportMapping> imports() {
        return imports;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
