package kb.sandbox.child;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowlist of JDK API that snippets may reference, in internal names ({@code java/lang/String}).
 * Reproductions need the core language, collections, concurrency, streams, time, maths, text and
 * in-memory I/O; everything that reaches outside the JVM, looks inside it, or loads code is left out.
 * Nested classes follow the rule of their outermost class.
 */
final class ApiRules {

    /** Packages whose public classes are open (not their subpackages), except {@link #CLOSED_CLASSES}. */
    private static final Set<String> OPEN_PACKAGES = Set.of(
            "java/lang", "java/lang/ref", "java/lang/annotation", "java/lang/constant",
            "java/util", "java/util/concurrent", "java/util/concurrent/atomic", "java/util/concurrent/locks",
            "java/util/function", "java/util/stream", "java/util/regex", "java/util/random", "java/util/zip",
            "java/util/logging",
            "java/time", "java/time/chrono", "java/time/format", "java/time/temporal", "java/time/zone",
            "java/math", "java/text", "java/nio", "java/nio/charset");

    /** Classes of open packages that stay closed. */
    private static final Set<String> CLOSED_CLASSES = Set.of(
            "java/lang/ClassLoader", "java/lang/Compiler", "java/lang/Module", "java/lang/ModuleLayer",
            "java/lang/Package", "java/lang/Process", "java/lang/ProcessBuilder", "java/lang/ProcessHandle",
            "java/lang/SecurityManager", "java/lang/StackWalker", "java/lang/ThreadGroup",
            "java/lang/RuntimePermission", "java/util/ServiceLoader", "java/util/ResourceBundle",
            "java/util/ListResourceBundle", "java/util/PropertyResourceBundle", "java/util/zip/ZipFile",
            "java/util/logging/FileHandler", "java/util/logging/SocketHandler", "java/util/logging/LogManager",
            "java/util/logging/LoggingMXBean", "java/nio/MappedByteBuffer");

    /** Classes opened one by one in packages that are otherwise closed. */
    private static final Set<String> OPEN_CLASSES = Set.of(
            "java/io/InputStream", "java/io/OutputStream", "java/io/Reader", "java/io/Writer",
            "java/io/ByteArrayInputStream", "java/io/ByteArrayOutputStream", "java/io/CharArrayReader",
            "java/io/CharArrayWriter", "java/io/StringReader", "java/io/StringWriter", "java/io/BufferedReader",
            "java/io/BufferedWriter", "java/io/BufferedInputStream", "java/io/BufferedOutputStream",
            "java/io/PrintStream", "java/io/PrintWriter", "java/io/InputStreamReader", "java/io/OutputStreamWriter",
            "java/io/FilterInputStream", "java/io/FilterOutputStream", "java/io/FilterReader", "java/io/FilterWriter",
            "java/io/DataInputStream", "java/io/DataOutputStream", "java/io/DataInput", "java/io/DataOutput",
            "java/io/PushbackInputStream", "java/io/PushbackReader", "java/io/LineNumberReader",
            "java/io/SequenceInputStream", "java/io/PipedInputStream", "java/io/PipedOutputStream",
            "java/io/PipedReader", "java/io/PipedWriter", "java/io/Closeable", "java/io/Flushable",
            "java/io/Serializable", "java/io/StreamTokenizer", "java/io/Serial",
            "java/net/URI", "java/net/URISyntaxException", "java/net/URLEncoder", "java/net/URLDecoder",
            "java/security/MessageDigest", "java/security/SecureRandom", "java/security/NoSuchAlgorithmException",
            "java/security/GeneralSecurityException", "java/security/DigestException",
            // JShell compiles a method whose body refers to something undeclared so that it throws this.
            "jdk/jshell/spi/SPIResolutionException");

    /** Members of {@code Object}, usable on every open class. */
    private static final Set<String> OBJECT_MEMBERS = Set.of(
            "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone");

    /** Classes of which only these members (plus {@link #OBJECT_MEMBERS}) are open. All are final. */
    private static final Map<String, Set<String>> MEMBER_ALLOWLISTS = Map.of(
            "java/lang/System", Set.of("out", "err", "in", "currentTimeMillis", "nanoTime", "arraycopy",
                    "identityHashCode", "lineSeparator", "gc"),
            "java/lang/Runtime", Set.of("getRuntime", "availableProcessors", "freeMemory", "totalMemory",
                    "maxMemory", "gc", "version"),
            "java/lang/Class", Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName",
                    "getPackageName", "isInstance", "isAssignableFrom", "cast", "asSubclass", "isArray",
                    "isPrimitive", "isInterface", "isEnum", "isRecord", "isAnnotation", "isSealed", "isHidden",
                    "isAnonymousClass", "isLocalClass", "isMemberClass", "isSynthetic", "getComponentType",
                    "componentType", "arrayType", "getSuperclass", "getInterfaces", "getEnumConstants",
                    "desiredAssertionStatus", "descriptorString", "toGenericString", "getModifiers"));

    /**
     * Members closed on an open class and on every class that inherits from it. An entry is a
     * name, or a name and the start of a descriptor when only some overloads are closed.
     */
    private static final Map<String, Set<String>> CLOSED_MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Thread", Set.of("getAllStackTraces", "enumerate", "stop", "suspend", "resume",
                    "getContextClassLoader", "setContextClassLoader")),
            Map.entry("java/lang/Integer", Set.of("getInteger")),
            Map.entry("java/lang/Long", Set.of("getLong")),
            Map.entry("java/lang/Boolean", Set.of("getBoolean")),
            // These overloads take a file name.
            Map.entry("java/util/Formatter", Set.of("<init>(Ljava/lang/String;")),
            Map.entry("java/io/PrintStream", Set.of("<init>(Ljava/lang/String;")),
            Map.entry("java/io/PrintWriter", Set.of("<init>(Ljava/lang/String;")),
            // These look up resource bundles, which loads classes by name.
            Map.entry("java/util/logging/Logger", Set.of("getLogger(Ljava/lang/String;Ljava/lang/String;",
                    "getAnonymousLogger(Ljava/lang/String;", "<init>(Ljava/lang/String;Ljava/lang/String;")),
            Map.entry("java/util/logging/Level", Set.of("<init>(Ljava/lang/String;ILjava/lang/String;")),
            // Field updaters reach fields by name, which is reflection.
            Map.entry("java/util/concurrent/atomic/AtomicIntegerFieldUpdater", Set.of("newUpdater")),
            Map.entry("java/util/concurrent/atomic/AtomicLongFieldUpdater", Set.of("newUpdater")),
            Map.entry("java/util/concurrent/atomic/AtomicReferenceFieldUpdater", Set.of("newUpdater")));

    /** Bootstrap methods that javac emits for lambdas, string concatenation, records and switches. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch",
            "java/lang/invoke/ConstantBootstraps.invoke", "java/lang/invoke/ConstantBootstraps.enumConstant",
            "java/lang/invoke/ConstantBootstraps.getStaticFinal", "java/lang/invoke/ConstantBootstraps.nullConstant",
            "java/lang/invoke/ConstantBootstraps.primitiveClass");

    /** Why a closed name is closed, by prefix; the first match wins. */
    private static final List<Map.Entry<String, String>> REASONS = List.of(
            Map.entry("java/lang/System.exit", "exits the JVM"),
            Map.entry("java/lang/Runtime.exit", "exits the JVM"),
            Map.entry("java/lang/Runtime.halt", "exits the JVM"),
            Map.entry("java/lang/System.getenv", "reads the environment"),
            Map.entry("java/lang/System.getPropert", "reads system properties"),
            Map.entry("java/lang/System.load", "loads native code"),
            Map.entry("java/lang/Runtime.load", "loads native code"),
            Map.entry("java/lang/Runtime.exec", "starts processes"),
            Map.entry("java/lang/Process", "starts processes"),
            Map.entry("java/lang/System.set", "changes the JVM's global state"),
            Map.entry("java/lang/Integer.getInteger", "reads system properties"),
            Map.entry("java/lang/Long.getLong", "reads system properties"),
            Map.entry("java/lang/Boolean.getBoolean", "reads system properties"),
            Map.entry("java/lang/Thread.", "reaches threads the snippet did not start"),
            Map.entry("java/lang/ThreadGroup", "reaches threads the snippet did not start"),
            Map.entry("java/lang/reflect/", "reflection"),
            Map.entry("java/lang/invoke/", "reflection"),
            Map.entry("java/lang/Class.", "reflection"),
            Map.entry("java/util/concurrent/atomic/", "reflection"),
            Map.entry("java/lang/ClassLoader", "loads classes"),
            Map.entry("java/lang/Module", "loads classes"),
            Map.entry("java/lang/instrument/", "loads classes"),
            Map.entry("java/util/ServiceLoader", "loads classes"),
            Map.entry("java/util/ResourceBundle", "loads classes"),
            Map.entry("java/util/logging/Logger.get", "loads classes"),
            Map.entry("java/io/ObjectInput", "serialization"),
            Map.entry("java/io/ObjectOutput", "serialization"),
            Map.entry("java/io/Externalizable", "serialization"),
            Map.entry("java/io/", "touches files"),
            Map.entry("java/nio/file/", "touches files"),
            Map.entry("java/nio/channels/", "touches files or sockets"),
            Map.entry("java/util/zip/ZipFile", "touches files"),
            Map.entry("java/util/jar/", "touches files"),
            Map.entry("java/util/prefs/", "touches files"),
            Map.entry("java/util/logging/FileHandler", "touches files"),
            Map.entry("java/util/Formatter.<init>", "touches files"),
            Map.entry("java/net/", "uses the network"),
            Map.entry("javax/net/", "uses the network"),
            Map.entry("java/util/logging/SocketHandler", "uses the network"),
            Map.entry("javax/naming/", "JNDI"),
            Map.entry("java/rmi/", "RMI"),
            Map.entry("javax/script/", "runs scripts"),
            Map.entry("java/lang/management/", "management beans"),
            Map.entry("javax/management/", "management beans"),
            Map.entry("jdk/internal/", "JDK internals"),
            Map.entry("sun/", "JDK internals"),
            Map.entry("com/sun/", "JDK internals"));

    private ApiRules() {
    }

    /** Whether snippets may name this class at all. */
    static boolean classOpen(String internalName) {
        String outer = outermost(internalName);
        if (OPEN_CLASSES.contains(outer)) {
            return true;
        }
        if (CLOSED_CLASSES.contains(outer)) {
            return false;
        }
        int slash = outer.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        String pkg = outer.substring(0, slash);
        // java/io exceptions are plain data, even FileNotFoundException.
        if (pkg.equals("java/io") && (outer.endsWith("Exception") || outer.endsWith("Error"))) {
            return true;
        }
        return OPEN_PACKAGES.contains(pkg);
    }

    /**
     * Whether a member declared by (or inherited from) {@code owner} is open, looking at the
     * owner's own rules only; the caller walks the supertypes.
     */
    static boolean memberOpen(String owner, String name, String descriptor) {
        Set<String> allowed = MEMBER_ALLOWLISTS.get(owner);
        if (allowed != null && !allowed.contains(name) && !OBJECT_MEMBERS.contains(name)) {
            return false;
        }
        Set<String> closed = CLOSED_MEMBERS.get(owner);
        if (closed == null) {
            return true;
        }
        // concat, not +: the runner is compiled with indy string concatenation, and linking the first
        // one spins method handles in the run child (~30 ms of CPU) on the path of every call checked.
        String signature = name.concat(descriptor);
        for (String entry : closed) {
            if (entry.equals(name) || (entry.indexOf('(') > 0 && signature.startsWith(entry))) {
                return false;
            }
        }
        return true;
    }

    static boolean bootstrapOpen(String owner, String name) {
        return BOOTSTRAPS.contains(owner.concat(".").concat(name));
    }

    /** A few words on why this class or member ({@code owner.name}) is closed. */
    static String reason(String internalName) {
        for (var entry : REASONS) {
            if (internalName.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "not on the sandbox's allowlist";
    }

    private static String outermost(String internalName) {
        int dollar = internalName.indexOf('$');
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }
}
