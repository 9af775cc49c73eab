package kb.sandbox.child;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;

/**
 * Checks the class files JShell produced for a snippet against {@link ApiRules} before any of
 * them is defined: the superclass and interfaces, the types of fields and methods, and every
 * class, field, method, method handle and bootstrap method the code refers to.
 *
 * <p>A member reached through a snippet's own class ({@code MyThread.getAllStackTraces()}) is
 * checked against the JDK classes that class inherits from, so subclassing opens nothing.
 */
public final class BytecodePolicy {

    /** A forbidden reference: {@code api} in dotted form, {@code name} the word to look for in source. */
    public record Violation(String api, String name, String reason) {
        public String message() {
            return api + " is not allowed in the sandbox (" + reason + ")";
        }
    }

    /** The supertypes of a class that a snippet defines. */
    public record Shape(String name, String superName, List<String> interfaces) {
        public static Shape of(byte[] classFile) {
            var reader = new ClassReader(classFile);
            return new Shape(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()));
        }
    }

    private final Map<String, List<String>> jdkSupertypes = new ConcurrentHashMap<>();

    /**
     * Lists the forbidden references of one class file, each API once, in the order met.
     *
     * @param snippetClasses the shapes of classes the snippets define (earlier ones and this batch);
     *                       returns {@code null} for a class that is not the snippets' own
     */
    public List<Violation> check(byte[] classFile, Function<String, Shape> snippetClasses) {
        var scan = new Scan(snippetClasses);
        new ClassReader(classFile).accept(scan, ClassReader.SKIP_FRAMES);
        return List.copyOf(scan.found.values());
    }

    private final class Scan extends ClassVisitor {
        private final Function<String, Shape> snippetClasses;
        private final Map<String, Violation> found = new LinkedHashMap<>();

        Scan(Function<String, Shape> snippetClasses) {
            super(Opcodes.ASM9);
            this.snippetClasses = snippetClasses;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            if (superName != null) {
                type(superName);
            }
            for (String i : interfaces) {
                type(i);
            }
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            descriptor(descriptor);
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(e);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    member(owner, name, descriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                            boolean isInterface) {
                    member(owner, name, descriptor);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                   Object... arguments) {
                    descriptor(descriptor);
                    bootstrap(bootstrap, arguments);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                    descriptor(descriptor);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        type(type);
                    }
                }
            };
        }

        private void bootstrap(Handle bootstrap, Object[] arguments) {
            if (!ApiRules.bootstrapOpen(bootstrap.getOwner(), bootstrap.getName())) {
                deny(bootstrap.getOwner() + "." + bootstrap.getName(), bootstrap.getName());
                return;
            }
            for (Object argument : arguments) {
                constant(argument);
            }
        }

        private void constant(Object value) {
            if (value instanceof Type t) {
                descriptor(t.getDescriptor());
            } else if (value instanceof Handle h) {
                // The target of a lambda or method reference, or a record accessor.
                member(h.getOwner(), h.getName(), h.getDesc());
            } else if (value instanceof ConstantDynamic c) {
                descriptor(c.getDescriptor());
                Object[] args = new Object[c.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = c.getBootstrapMethodArgument(i);
                }
                bootstrap(c.getBootstrapMethod(), args);
            }
        }

        /** A field or method descriptor, or a type descriptor. */
        private void descriptor(String descriptor) {
            Type t = Type.getType(descriptor);
            if (t.getSort() == Type.METHOD) {
                for (Type argument : t.getArgumentTypes()) {
                    sort(argument);
                }
                sort(t.getReturnType());
            } else {
                sort(t);
            }
        }

        private void sort(Type t) {
            Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (element.getSort() == Type.OBJECT) {
                type(element.getInternalName());
            }
        }

        /** An internal name, or an array descriptor as {@code ANEWARRAY} may carry. */
        private void type(String internalName) {
            if (internalName.startsWith("[")) {
                descriptor(internalName);
            } else if (snippetClasses.apply(internalName) == null && !ApiRules.classOpen(internalName)) {
                deny(internalName, simpleName(internalName));
            }
        }

        private void member(String owner, String name, String descriptor) {
            if (owner.startsWith("[")) {
                descriptor(owner);
                descriptor(descriptor);
                return;
            }
            type(owner);
            descriptor(descriptor);
            for (String jdkClass : jdkAncestors(owner)) {
                for (String declaring : supertypesOf(jdkClass)) {
                    if (!ApiRules.memberOpen(declaring, name, descriptor)) {
                        denyMember(declaring, name, descriptor);
                        return;
                    }
                }
            }
        }

        /** The owner itself when it is a JDK class, else the JDK classes a snippet class extends. */
        private Set<String> jdkAncestors(String owner) {
            var result = new java.util.LinkedHashSet<String>();
            var pending = new ArrayList<String>(List.of(owner));
            var seen = new java.util.HashSet<String>();
            while (!pending.isEmpty()) {
                String name = pending.remove(pending.size() - 1);
                if (!seen.add(name)) {
                    continue;
                }
                Shape shape = snippetClasses.apply(name);
                if (shape == null) {
                    result.add(name);
                    continue;
                }
                if (shape.superName() != null) {
                    pending.add(shape.superName());
                }
                pending.addAll(shape.interfaces());
            }
            return result;
        }

        private void deny(String internalName, String word) {
            // get/put rather than computeIfAbsent with a lambda: see supertypesOf.
            if (!found.containsKey(internalName)) {
                found.put(internalName, new Violation(dotted(internalName), word, ApiRules.reason(internalName)));
            }
        }

        /** Constructors read as {@code new java.io.PrintStream(String)}, so that the overload is clear. */
        private void denyMember(String owner, String name, String descriptor) {
            if (!name.equals("<init>")) {
                deny(owner + "." + name, name);
                return;
            }
            var parameters = new java.util.StringJoiner(", ", "(", ")");
            for (Type t : Type.getArgumentTypes(descriptor)) {
                parameters.add(simpleName(t.getClassName().replace('.', '/')));
            }
            String key = owner + ".<init>" + descriptor;
            if (!found.containsKey(key)) {
                found.put(key, new Violation("new " + dotted(owner) + parameters, simpleName(owner),
                        ApiRules.reason(owner + ".<init>")));
            }
        }
    }

    /** The class and every JDK class and interface it inherits from, nearest first. */
    private List<String> supertypesOf(String internalName) {
        // No computeIfAbsent with a lambda: the run child checks every class with this, and linking
        // its first lambda costs tens of ms of CPU, more than the rest of a small run.
        List<String> known = jdkSupertypes.get(internalName);
        if (known != null) {
            return known;
        }
        var result = new ArrayList<String>();
        result.add(internalName);
        try {
            Class<?> c = Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            collect(c, result);
        } catch (ClassNotFoundException | LinkageError e) {
            // Not a platform class: only snippet classes and the closed rest come here.
        }
        List<String> all = List.copyOf(result);
        jdkSupertypes.put(internalName, all);
        return all;
    }

    private static void collect(Class<?> c, List<String> into) {
        var parents = new ArrayList<Class<?>>();
        if (c.getSuperclass() != null) {
            parents.add(c.getSuperclass());
        }
        parents.addAll(List.of(c.getInterfaces()));
        for (Class<?> p : parents) {
            String name = p.getName().replace('.', '/');
            if (!into.contains(name)) {
                into.add(name);
                collect(p, into);
            }
        }
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    private static String simpleName(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
