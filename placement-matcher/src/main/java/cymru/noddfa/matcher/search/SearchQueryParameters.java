package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import cymru.noddfa.matcher.availability.BedType;

import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads a search sent as query parameters into a {@link SearchInput} as
 * {@code @RequestParam(required = false)} on each would: the converter a data binder uses
 * (Spring MVC's conversion service, falling back to property editors, so {@code age= } is
 * absent rather than an error), a repeated text parameter joined by commas,
 * {@code needs=A,B} split, and a value that does not convert a 400 naming the parameter.
 * <p>
 * Ten {@code @RequestParam} arguments took about 5 % of the matcher's CPU in the national
 * search profile: Spring resolves each one with a data binder of its own, an expression
 * evaluation and a multipart check. Here each is one lookup and one conversion.
 */
final class SearchQueryParameters implements HandlerMethodArgumentResolver {

	private static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);

	private static final TypeDescriptor NUMBER = TypeDescriptor.valueOf(Double.class);

	private static final TypeDescriptor WHOLE_NUMBER = TypeDescriptor.valueOf(Integer.class);

	private static final TypeDescriptor SEX = TypeDescriptor.valueOf(Sex.class);

	private static final TypeDescriptor BED_TYPE = TypeDescriptor.valueOf(BedType.class);

	private static final TypeDescriptor INSTANT = TypeDescriptor.valueOf(Instant.class);

	private static final TypeDescriptor TEXTS = TypeDescriptor.collection(List.class, TEXT);

	/**
	 * Spring MVC's own ({@code mvcConversionService}), looked up at the first search: it
	 * is built by the configuration that asks for this resolver.
	 */
	private final Supplier<ConversionService> conversions;

	SearchQueryParameters(Supplier<ConversionService> conversions) {
		this.conversions = conversions;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == SearchInput.class;
	}

	@Override
	public SearchInput resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		// the converter a data binder would use, made once for the whole query: it is not
		// thread-safe, and cheap until a conversion falls back to property editors
		SimpleTypeConverter converter = new SimpleTypeConverter();
		converter.setConversionService(this.conversions.get());
		Query query = new Query(request, parameter, converter);
		return new SearchInput((String) query.value("regionCode", TEXT), (Double) query.value("lat", NUMBER),
				(Double) query.value("lon", NUMBER), (String) query.value("place", TEXT),
				(Integer) query.value("age", WHOLE_NUMBER), (Sex) query.value("sex", SEX), query.texts("needs"),
				(BedType) query.value("bedType", BED_TYPE), (Instant) query.value("admissionAt", INSTANT),
				(Double) query.value("maxKm", NUMBER));
	}

	private record Query(NativeWebRequest request, MethodParameter parameter, SimpleTypeConverter converter) {

		Object value(String name, TypeDescriptor type) {
			String[] values = this.request.getParameterValues(name);
			if (values == null) {
				return null;
			}
			// as @RequestParam hands them to the conversion: one value as text, several
			// as an array
			Object given = (values.length == 1) ? values[0] : values;
			try {
				return this.converter.convertIfNecessary(given, type.getType(), type);
			}
			catch (TypeMismatchException ex) {
				throw new MethodArgumentTypeMismatchException(given, type.getType(), name, this.parameter, ex);
			}
		}

		@SuppressWarnings("unchecked")
		List<String> texts(String name) {
			return (List<String>) value(name, TEXTS);
		}

	}

}
