#include <stddef.h>
#include <png.h>
