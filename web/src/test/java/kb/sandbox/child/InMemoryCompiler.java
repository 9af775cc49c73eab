package kb.sandbox.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one Java source in memory, so that policy tests can state their cases as code. */
final class InMemoryCompiler {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    // Opening the platform's class files is most of the cost of a small compilation: do it once.
    private static final StandardJavaFileManager PLATFORM = JAVAC.getStandardFileManager(null, null, null);

    private InMemoryCompiler() {
    }

    /** Class files by internal name, lambdas' and nested classes' included. */
    static synchronized Map<String, byte[]> compile(String className, String source) {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var classes = new TreeMap<String, byte[]>();
        var files = new ForwardingJavaFileManager<JavaFileManager>(PLATFORM) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(name.replace('.', '/'), toByteArray());
                            }
                        };
                    }
                };
            }
        };
        var unit = new SimpleJavaFileObject(URI.create("mem:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean ok = JAVAC.getTask(null, files, diagnostics, List.of("-proc:none", "-Xlint:none"),
                null, List.of(unit)).call();
        if (!ok) {
            throw new AssertionError("test source does not compile: " + diagnostics.getDiagnostics());
        }
        return classes;
    }
}
