package dev.toolverdicts.vote;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts what the current thread sends to PostgreSQL: every statement executed (a JDBC batch counts once, as it goes
 * in one round trip) and every commit, rollback and savepoint. Wraps the application's DataSource, so it sees what
 * Spring's JDBC code and the transaction manager do; import it with {@code @Import(StatementCounter.Config.class)}.
 */
public final class StatementCounter {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> ROUND_TRIPS = Set.of("commit", "rollback", "setSavepoint", "releaseSavepoint");
    private static final ThreadLocal<List<String>> SENT = new ThreadLocal<>();

    private StatementCounter() {
    }

    /** Runs the work on this thread and returns what it sent: the SQL of each statement, or the connection call. */
    public static <T> Counted<T> count(Supplier<T> work) {
        List<String> sent = new ArrayList<>();
        SENT.set(sent);
        try {
            return new Counted<>(work.get(), List.copyOf(sent));
        } finally {
            SENT.remove();
        }
    }

    public record Counted<T>(T result, List<String> sent) {
    }

    private static void record(String what) {
        List<String> sent = SENT.get();
        if (sent != null) {
            sent.add(what);
        }
    }

    static DataSource counting(DataSource target) {
        return proxy(DataSource.class, target, (self, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (self, method, args) -> {
            if (ROUND_TRIPS.contains(method.getName())) {
                record(method.getName());
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
                return statement(statement, sql, method.getReturnType());
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static Statement statement(Statement target, String sql, Class<?> type) {
        return proxy((Class<Statement>) type, target, (self, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                record(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, (self,
                method, args) -> method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")
                        ? invoke(target, method, args) : handler.invoke(self, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? counting(dataSource) : bean;
                }
            };
        }
    }
}
