@NullMarked
package dev.holdfast.procurement.web;

import org.jspecify.annotations.NullMarked;
