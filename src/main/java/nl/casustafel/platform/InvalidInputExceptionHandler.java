package nl.casustafel.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers a broken domain rule with 400; the body is built, like every other, by {@link ProblemResponseProcessor}. */
@Singleton
@Produces
@Requires(classes = ExceptionHandler.class)
public class InvalidInputExceptionHandler implements ExceptionHandler<InvalidInputException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> problems;

    public InvalidInputExceptionHandler(ErrorResponseProcessor<?> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidInputException exception) {
        return problems.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.badRequest());
    }
}
