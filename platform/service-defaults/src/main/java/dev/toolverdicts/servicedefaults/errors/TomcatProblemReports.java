package dev.toolverdicts.servicedefaults.errors;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Makes {@link ProblemErrorReportValve} the one error report valve of the app's host: Tomcat adds its own at start,
 * and Spring Boot adds another one of its own; both are replaced before the connector takes requests.
 */
final class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final boolean pages;

    TomcatProblemReports(boolean pages) {
        this.pages = pages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    onlyProblemReports(context.getParent());
                }
            });
        });
    }

    private void onlyProblemReports(Container host) {
        if (host == null) {
            return;
        }
        ProblemErrorReportValve ours = null;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve problemValve && ours == null) {
                ours = problemValve;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (ours == null) {
            ours = new ProblemErrorReportValve();
            host.getPipeline().addValve(ours);
        }
        ours.setPages(pages);
    }
}
