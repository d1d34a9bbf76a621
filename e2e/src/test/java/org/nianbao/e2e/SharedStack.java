package org.nianbao.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for every test class of the run that needs no environment of its own: the first class that asks for it
 * starts it, and JUnit closes it after the last class (it lives in the root context's store, which is closed at the
 * end of the run, before the JVM exits). A class gets it as a parameter of its {@code @BeforeAll}:
 * <pre>{@code
 * @ExtendWith(SharedStack.class)
 * class PipelineIT {
 *     static StackFixture fixture;
 *     @BeforeAll
 *     static void start(StackFixture shared) { fixture = shared; }
 * }
 * }</pre>
 * Classes that share it must not collide: each uses its own agencies, regions and platform ids, and none stops a
 * service or changes the stack's environment. Classes that need a special environment (tracing, OIDC) or damage
 * the stack (faults, stopped services) start their own with {@link StackFixture#start()}.
 */
final class SharedStack implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StackFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> new Running(), Running.class).fixture;
    }

    /** The shared stack, closed with the root store. */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final StackFixture fixture;
        private boolean closed;

        Running() {
            try {
                System.out.println("Starting the shared stack");
                fixture = StackFixture.start();
            } catch (Exception e) {
                throw new IllegalStateException("The shared stack did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() throws Exception {
            if (!closed) {
                closed = true;
                fixture.close();
            }
        }
    }
}
