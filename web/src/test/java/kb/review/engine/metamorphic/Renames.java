package kb.review.engine.metamorphic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * Consistent renaming of what the author of a change names freely: locals, parameters, receivers, lambda and catch
 * parameters, helper functions. A name is renamed only where every use of it can be renamed with it: never one
 * that shows after a dot (a field or method another file may use), a composite-literal key, an import, an exported
 * or predeclared name, an override.
 */
final class Renames {
    private static final Set<String> CONVENTIONAL = Set.of("err", "ctx", "e", "ex");
    private static final Set<String> GO_RESERVED = Set.of("break", "case", "chan", "const", "continue", "default",
            "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
            "range", "return", "select", "struct", "switch", "type", "var", "append", "cap", "clear", "close",
            "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println",
            "real", "recover", "bool", "byte", "error", "float32", "float64", "int", "int8", "int16", "int32",
            "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any", "true",
            "false", "nil", "iota", "main", "init", "_");
    private static final Set<String> JAVA_RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "true", "false", "null", "length", "_");
    private static final Pattern GO_SHORT = Pattern.compile("(?<![\\w.])(\\w+(?:\\s*,\\s*\\w+)*)\\s*:=");
    private static final Pattern GO_VAR = Pattern.compile("\\bvar\\s+(\\w+)");
    private static final Pattern GO_FUNC = Pattern.compile("\\bfunc\\b\\s*(?:\\((\\w+)\\s+[^)]*\\)\\s*)?(\\w+)?\\s*\\(([^)]*)\\)");
    private static final Pattern GO_IMPORT = Pattern.compile("^\\s*(?:import\\s+)?(\\w+\\s+)?\"([^\"]+)\"\\s*$");
    private static final Pattern JAVA_LOCAL = Pattern.compile(
            "(?:^\\s*|[(;]\\s*)(?:final\\s+)?[A-Za-z_][\\w.]*(?:<[^=;()]*>)?(?:\\[\\])*\\s+([a-z]\\w*)\\s*(?:=(?!=)|;|:(?!:))");
    private static final Pattern JAVA_CATCH = Pattern.compile("catch\\s*\\((?:final\\s+)?[\\w.| ]+\\s+(\\w+)\\)");
    private static final Pattern JAVA_LAMBDA = Pattern.compile("(?:\\(([\\w, ]*)\\)|(\\w+))\\s*->");
    private static final Pattern JAVA_SIGNATURE = Pattern.compile("(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws [\\w., ]+)?\\s*\\{\\s*$");
    private static final Pattern WORD = Pattern.compile("\\w+");

    private Renames() {
    }

    /** Every free name but the conventional {@code err}, {@code ctx} and exception {@code e}. */
    static boolean locals(Patch patch, List<Transform.Target> targets) {
        return rename(patch, name -> !CONVENTIONAL.contains(name));
    }

    /** The conventional names alone: {@code err}, {@code ctx}, a caught {@code e} or {@code ex}. */
    static boolean conventional(Patch patch, List<Transform.Target> targets) {
        return rename(patch, CONVENTIONAL::contains);
    }

    private static boolean rename(Patch patch, Predicate<String> wanted) {
        int[] n = {0};
        return rename(patch, (name, go) -> wanted.test(name) ? "q" + (++n[0]) + "v" : null, false);
    }

    /**
     * Renames each free name to what {@code fresh} gives it (null: kept), skipping a new name the code already uses.
     * With {@code codeOnly}, string literals and comments keep their text: a message that says {@code err} after
     * {@code err} became {@code cause} is what a careful author leaves, and the review must not read it as code.
     */
    static boolean rename(Patch patch, BiFunction<String, Boolean, String> fresh, boolean codeOnly) {
        boolean changed = false;
        for (boolean go : new boolean[] {true, false}) {
            List<Row> rows = new ArrayList<>();
            for (FilePatch f : patch.files) {
                if (go ? f.isGo() : f.isJava()) {
                    rows.addAll(f.rows());
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            Set<String> names = go ? goNames(rows) : javaNames(rows);
            Set<String> used = new TreeSet<>();
            rows.forEach(r -> WORD.matcher(r.text).results().forEach(m -> used.add(m.group())));
            for (String name : names) {
                String to = fresh.apply(name, go);
                while (to != null && to.startsWith("q") && used.contains(to)) {
                    to = fresh.apply(name, go);
                }
                if (to == null || used.contains(to) || !free(name, rows, go)) {
                    continue;
                }
                used.add(to);
                Pattern at = Pattern.compile("(?<![\\w.])" + name + "\\b|(?<=\\bthis\\.)" + name + "\\b");
                for (Row r : rows) {
                    r.text = codeOnly ? Code.replaceInCode(r.text, at, to) : at.matcher(r.text).replaceAll(to);
                }
                changed = true;
            }
        }
        return changed;
    }

    private static boolean free(String name, List<Row> rows, boolean go) {
        if ((go ? GO_RESERVED : JAVA_RESERVED).contains(name) || Character.isUpperCase(name.charAt(0))) {
            return false;
        }
        Pattern dotted = Pattern.compile("(?<!\\bthis)\\." + name + "\\b");
        Pattern key = Pattern.compile("(?<![\\w.])" + name + "\\s*:(?![=:])");
        for (Row r : rows) {
            String code = Code.strip(r.text);
            if (dotted.matcher(code).find() || (go && key.matcher(code).find() && !code.contains("case "))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> goNames(List<Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> imports = new LinkedHashSet<>();
        for (Row r : rows) {
            Matcher imp = GO_IMPORT.matcher(r.text);
            if (imp.matches()) {
                String path = imp.group(2);
                imports.add(imp.group(1) != null ? imp.group(1).trim() : path.substring(path.lastIndexOf('/') + 1));
                continue;
            }
            String code = Code.strip(r.text);
            GO_SHORT.matcher(code).results().forEach(m -> names.addAll(List.of(m.group(1).split("\\s*,\\s*"))));
            GO_VAR.matcher(code).results().forEach(m -> names.add(m.group(1)));
            Matcher fn = GO_FUNC.matcher(code);
            while (fn.find()) {
                if (fn.group(1) != null) {
                    names.add(fn.group(1));
                } else if (fn.group(2) != null && code.startsWith("func ") && !code.contains("_test")
                        && !fn.group(2).startsWith("Test")) {
                    names.add(fn.group(2));
                }
                params(fn.group(3), true, names);
            }
        }
        names.removeAll(imports);
        return names;
    }

    private static Set<String> javaNames(List<Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String code = Code.strip(rows.get(i).text);
            if (code.trim().startsWith("import ") || code.trim().startsWith("package ") || Code.comment(code)) {
                continue;
            }
            JAVA_LOCAL.matcher(code).results().forEach(m -> names.add(m.group(1)));
            JAVA_CATCH.matcher(code).results().forEach(m -> names.add(m.group(1)));
            Matcher lambda = JAVA_LAMBDA.matcher(code);
            while (lambda.find()) {
                String group = lambda.group(1) != null ? lambda.group(1) : lambda.group(2);
                for (String p : group.split(",")) {
                    String[] words = p.trim().split("\\s+");
                    if (!words[words.length - 1].isEmpty()) {
                        names.add(words[words.length - 1]);
                    }
                }
            }
            Matcher sig = JAVA_SIGNATURE.matcher(code);
            if (sig.find() && !Code.JAVA_CONTROL.contains(sig.group(1)) && !code.contains("->")) {
                params(sig.group(2), false, names);
                boolean override = i > 0 && rows.get(i - 1).text.contains("@Override");
                if (!override && code.matches(".*\\b(private|static)\\b.*") && !code.contains(" main(")) {
                    names.add(sig.group(1));
                }
            }
        }
        return names;
    }

    /** The parameter names of one parameter list: Go puts the name first, Java last. */
    private static void params(String list, boolean go, Set<String> names) {
        String[] pieces = list.split(",");
        boolean anyTyped = false;
        for (String p : pieces) {
            anyTyped |= p.trim().contains(" ");
        }
        for (String p : pieces) {
            String[] words = p.trim().replaceAll("@\\w+\\s+", "").replace("final ", "").split("\\s+");
            if (words[0].isEmpty() || (go && !anyTyped)) {
                continue;
            }
            if (go) {
                if (words.length > 1 || anyTyped) {
                    names.add(words[0]);
                }
            } else if (words.length > 1) {
                names.add(words[words.length - 1]);
            }
        }
    }
}
