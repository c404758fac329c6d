// .vue transformer: @vue/vue3-jest, with TypeScript registered in @vue/compiler-sfc first.
// Without it, shell SFCs that use `defineProps<ImportedType>()` (e.g. RcButton, pulled in by
// SortableTable) fail with "No fs option provided to compileScript in non-Node environment".
require('@vue/compiler-sfc').registerTS(() => require('typescript'));

module.exports = require('@vue/vue3-jest');
