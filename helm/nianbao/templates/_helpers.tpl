{{/* Names and labels shared by every object of the chart. */}}
{{- define "nianbao.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "nianbao.labels" -}}
app.kubernetes.io/part-of: nianbao
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one service: (dict "root" $ "name" "intake") */}}
{{- define "nianbao.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "nianbao.dbSecret" -}}
{{- default (printf "%s-db" (include "nianbao.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}

{{- define "nianbao.authSecret" -}}
{{- default (printf "%s-auth" (include "nianbao.fullname" .)) .Values.auth.existingSecret -}}
{{- end -}}

{{- define "nianbao.topicNamespace" -}}
{{- default .Release.Namespace .Values.kafka.strimzi.namespace -}}
{{- end -}}
