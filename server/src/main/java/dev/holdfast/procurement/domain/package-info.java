@NullMarked
package dev.holdfast.procurement.domain;

import org.jspecify.annotations.NullMarked;
