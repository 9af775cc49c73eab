package kb.sandbox.child;

import java.util.HashMap;
import java.util.Map;

/**
 * Defines the snippets' classes in the run child. Its parent is the platform class loader, so the
 * runner's own classes (this package, ASM) are invisible to snippets; the one class of JShell
 * that generated code refers to, the exception thrown by a method with unresolved references,
 * comes from the system class loader.
 */
final class SnippetLoader extends ClassLoader {
    static final String RESOLUTION_EXCEPTION = "jdk.jshell.spi.SPIResolutionException";

    private final Map<String, byte[]> declared = new HashMap<>();

    SnippetLoader() {
        super("kb-snippets", ClassLoader.getPlatformClassLoader());
    }

    /** Makes the class file available under its binary name; it is defined when first needed. */
    synchronized void declare(String binaryName, byte[] bytes) {
        declared.put(binaryName, bytes);
    }

    synchronized boolean knows(String binaryName) {
        return declared.containsKey(binaryName);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(RESOLUTION_EXCEPTION)) {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        synchronized (this) {
            bytes = declared.get(name);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
